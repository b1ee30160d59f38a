package io.downhill.course;

import java.util.List;

/**
 * A quick check question from a {@code quiz} block. Texts are already rendered inline markdown
 * (so maths and emphasis work); {@code answer} is the 0-based index of the right choice.
 */
public record Quiz(String questionHtml, List<String> choicesHtml, int answer, String explanationHtml) {}

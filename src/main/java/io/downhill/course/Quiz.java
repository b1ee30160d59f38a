package io.downhill.course;

import java.util.List;

/**
 * A quick check question from a {@code quiz} block. Texts are already rendered inline markdown
 * (so maths and emphasis work) and sanitised; {@code answer} is the 0-based index of the right
 * choice; {@code files} are the relative links and images in them.
 */
public record Quiz(String questionHtml, List<String> choicesHtml, int answer, String explanationHtml, List<String> files) {}

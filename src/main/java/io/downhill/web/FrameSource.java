package io.downhill.web;

import java.io.IOException;

/** The frames of one event stream: a run's steps, or a network's training steps. */
interface FrameSource {
    /** False once everything has been sent but the final {@code done} event. */
    boolean hasNext();

    /** The next frame's JSON, or null when there is nothing more to send. */
    String nextFrame() throws IOException;

    /** The {@code id:} of the frame just returned: the index of its last step. */
    String lastId();

    /** The JSON of the final {@code done} event. */
    String doneJson() throws IOException;
}

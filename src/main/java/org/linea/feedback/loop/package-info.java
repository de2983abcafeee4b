/** Closing the loop ("you said, we did"): announcements to the people who raised feedback themes or rumours, marked on their records. */
@org.springframework.modulith.NamedInterface("loop")
package org.linea.feedback.loop;

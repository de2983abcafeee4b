/** Rumours: reports grouped, tracked and answered with counter-messages. */
@org.springframework.modulith.NamedInterface("rumour")
package org.linea.feedback.rumour;

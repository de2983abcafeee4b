/** Feedback coding: the codebook of feedback types, information types and topics, and the coding of each interaction. */
@org.springframework.modulith.NamedInterface("coding")
package org.linea.feedback.coding;

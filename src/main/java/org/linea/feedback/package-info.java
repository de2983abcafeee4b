/**
 * The coded feedback record of every interaction (types, topics, the codebook), the feedback log and its
 * exports, rumours and programme referrals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feedback")
package org.linea.feedback;

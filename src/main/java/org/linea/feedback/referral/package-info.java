/** Programme referrals: a person referred to a programme of the organisation, followed step by step. */
@org.springframework.modulith.NamedInterface("referral")
package org.linea.feedback.referral;

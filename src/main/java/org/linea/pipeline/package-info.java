/**
 * What happens to each message in: safeguarding first, then surveys, the closing flow, the bot or the inbox;
 * idle bot conversations closed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbound pipeline")
package org.linea.pipeline;

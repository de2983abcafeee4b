/**
 * Data protection at work: retention and scheduled erasure, requests from people about their data, the audit
 * trail pages, who may reveal a number.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package org.linea.privacy;

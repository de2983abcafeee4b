/**
 * The live dashboard and the weekly executive report (PDF, spreadsheet, email), safeguarding figures without
 * content.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package org.linea.report;

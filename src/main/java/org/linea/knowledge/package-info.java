/**
 * The validated FAQ and key-message bank per line and language: import and validation, the search index,
 * language detection and text folding.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge bank")
package org.linea.knowledge;

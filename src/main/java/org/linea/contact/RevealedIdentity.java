package org.linea.contact;

/** What a staff member sees after an audited reveal. */
public record RevealedIdentity(String code, String phone, String profileName) {
}

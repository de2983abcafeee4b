package org.linea.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.linea.shared.InvalidRequestException;

/** Phone numbers in E.164 ({@code +51987654321}) and their masked form for screens. */
public final class PhoneNumbers {

	private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	private static final char HIDDEN = '•';

	private PhoneNumbers() {
	}

	/** The number in E.164, or a clear error when it is not a possible international number. */
	public static String normalise(String raw) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidRequestException("error.contact.phone-number-required");
		}
		String text = raw.strip();
		if (!text.startsWith("+")) {
			throw new InvalidRequestException("error.contact.write-phone-number-international");
		}
		try {
			PhoneNumber number = util.parse(text, null);
			if (!util.isPossibleNumber(number)) {
				throw new InvalidRequestException("error.contact.possible-phone-number-check");
			}
			return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
		}
		catch (NumberParseException ex) {
			throw new InvalidRequestException("error.contact.phone-number", ex.getErrorType().name().toLowerCase().replace('_', ' '));
		}
	}

	/**
	 * Shows the country code, the first digit and the last two digits, in groups of three (a last
	 * lone digit joins the group before): {@code +51987654343} becomes {@code +51 9•• ••• •43}.
	 */
	public static String mask(String e164) {
		if (BusinessScopedIds.valid(e164)) {
			return BusinessScopedIds.mask(e164);
		}
		PhoneNumber number;
		try {
			number = util.parse(e164, null);
		}
		catch (NumberParseException ex) {
			return "+" + String.valueOf(HIDDEN).repeat(6);
		}
		String national = util.getNationalSignificantNumber(number);
		StringBuilder masked = new StringBuilder("+").append(number.getCountryCode()).append(' ');
		int length = national.length();
		for (int i = 0; i < length; i++) {
			boolean lastDigitAlone = i == length - 1 && i % 3 == 0;
			if (i > 0 && i % 3 == 0 && !lastDigitAlone) {
				masked.append(' ');
			}
			boolean shown = i == 0 || i >= length - 2;
			masked.append(shown ? national.charAt(i) : HIDDEN);
		}
		return masked.toString();
	}

}

package org.linea.survey;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFunction;
import javax.xml.xpath.XPathFunctionResolver;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * XLSForm expressions ({@code relevant}, {@code constraint}, {@code choice_filter}) evaluated by the
 * JDK's XPath 1.0 engine: {@code ${name}} becomes the variable {@code $name}, {@code .} (the answer
 * being checked) the variable {@code $_self}, and the XLSForm functions XPath 1.0 lacks
 * ({@code selected}, {@code count-selected}, {@code regex}) are bound in a namespace of their own.
 * A variable is the answer's text, {@code ""} when unanswered; XPath converts it to a number where a
 * comparison or sum needs one.
 */
final class Expressions {

	static final String SELF = "_self";

	private static final String NS = "urn:linea:xlsform";

	private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][\\w.-]*)}");

	private static final Set<String> FUNCTIONS = Set.of("selected", "count-selected", "regex");

	private static final Document DOCUMENT = newDocument();

	private Expressions() {
	}

	/** The names an expression refers to with {@code ${name}}. */
	static List<String> references(String expression) {
		return REFERENCE.matcher(expression).results().map(m -> m.group(1)).toList();
	}

	/** The XPath text of an XLSForm expression. */
	static String translate(String expression) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		int n = expression.length();
		while (i < n) {
			char c = expression.charAt(i);
			if (c == '\'' || c == '"') {
				int end = expression.indexOf(c, i + 1);
				end = end < 0 ? n - 1 : end;
				out.append(expression, i, end + 1);
				i = end + 1;
			}
			else if (c == '$' && i + 1 < n && expression.charAt(i + 1) == '{') {
				int end = expression.indexOf('}', i);
				if (end < 0) {
					out.append(expression.substring(i));
					break;
				}
				out.append('$').append(expression, i + 2, end);
				i = end + 1;
			}
			else if (c == '.' && !partOfNumberOrPath(expression, i)) {
				out.append('$').append(SELF);
				i++;
			}
			else if (Character.isLetter(c) && (i == 0 || !isNamePart(expression.charAt(i - 1)))) {
				int end = i;
				while (end < n && isNamePart(expression.charAt(end))) {
					end++;
				}
				String word = expression.substring(i, end);
				int next = end;
				while (next < n && expression.charAt(next) == ' ') {
					next++;
				}
				boolean call = next < n && expression.charAt(next) == '(';
				out.append(call && FUNCTIONS.contains(word) ? "f:" + word : word);
				i = end;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	private static boolean isNamePart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':' || c == '$';
	}

	private static boolean partOfNumberOrPath(String text, int i) {
		char before = i > 0 ? text.charAt(i - 1) : ' ';
		char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
		return Character.isDigit(before) || Character.isDigit(after) || before == '.' || after == '.' || after == '/';
	}

	/** Throws when the expression is not valid XPath once translated. */
	static void check(String expression) throws XPathExpressionException {
		xpath(Map.of()).compile(translate(expression));
	}

	/** The expression's truth with these answers ({@code $_self} among them for a constraint). */
	static boolean test(String expression, Map<String, String> values) {
		return test(expression, values, DOCUMENT);
	}

	/** A choice filter, where the choice's own columns are names relative to the choice. */
	static boolean testChoice(String expression, Map<String, String> values, Choice choice) {
		Element element = newDocument().createElement("choice");
		addChild(element, "name", choice.name());
		choice.columns().forEach((column, value) -> addChild(element, column, value));
		return test(expression, values, element);
	}

	private static void addChild(Element parent, String name, String value) {
		if (!name.matches("[A-Za-z_][\\w.-]*")) {
			return;
		}
		Element child = parent.getOwnerDocument().createElement(name);
		child.setTextContent(value);
		parent.appendChild(child);
	}

	private static boolean test(String expression, Map<String, String> values, Node context) {
		try {
			return (Boolean) xpath(values).evaluate(translate(expression), context, XPathConstants.BOOLEAN);
		}
		catch (XPathExpressionException ex) {
			throw new IllegalStateException("Expression " + expression + " failed: " + ex.getMessage(), ex);
		}
	}

	private static XPath xpath(Map<String, String> values) {
		XPath xpath = XPathFactory.newInstance().newXPath();
		xpath.setXPathVariableResolver(name -> values.getOrDefault(name.getLocalPart(), ""));
		xpath.setNamespaceContext(new FunctionNamespace());
		xpath.setXPathFunctionResolver(new Functions());
		return xpath;
	}

	private static Document newDocument() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			return factory.newDocumentBuilder().newDocument();
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The XLSForm functions XPath 1.0 has not. */
	private static final class Functions implements XPathFunctionResolver {

		@Override
		public XPathFunction resolveFunction(QName name, int arity) {
			if (!NS.equals(name.getNamespaceURI())) {
				return null;
			}
			return switch (name.getLocalPart()) {
				case "selected" -> arity == 2 ? args -> words(text(args.get(0))).contains(text(args.get(1)).strip()) : null;
				case "count-selected" -> arity == 1 ? args -> (double) words(text(args.get(0))).size() : null;
				case "regex" -> arity == 2 ? args -> regex(text(args.get(0)), text(args.get(1))) : null;
				default -> null;
			};
		}

		private static boolean regex(String value, String pattern) {
			try {
				return Pattern.compile(pattern).matcher(value).find();
			}
			catch (PatternSyntaxException ex) {
				return false;
			}
		}

		private static List<String> words(String value) {
			return value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
		}

		private static String text(Object argument) {
			if (argument instanceof NodeList nodes) {
				return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
			}
			if (argument instanceof Double number) {
				return number == Math.rint(number) && !number.isInfinite() ? String.valueOf(number.longValue()) : number.toString();
			}
			return argument == null ? "" : argument.toString();
		}

	}

	private static final class FunctionNamespace implements NamespaceContext {

		@Override
		public String getNamespaceURI(String prefix) {
			return "f".equals(prefix) ? NS : XMLConstants.NULL_NS_URI;
		}

		@Override
		public String getPrefix(String namespaceURI) {
			return NS.equals(namespaceURI) ? "f" : null;
		}

		@Override
		public Iterator<String> getPrefixes(String namespaceURI) {
			return List.of("f").iterator();
		}

	}

}

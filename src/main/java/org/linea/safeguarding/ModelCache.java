package org.linea.safeguarding;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.linea.shared.Folding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned safeguarding model kept in the data directory, so that a restart reads it back instead of
 * learning it again. The file is named by a hash of everything the learning depends on: the text of the files
 * the examples are made from (the examples, signals and spellings files, as read), the code that turns them into
 * examples and learns from them (the class files of {@link Model} and its nested classes, and of the classes in
 * {@link #LEARNING}), the system properties it reads, the categories and the JDK. So a restart with the file there
 * reads neither the examples nor their words: a changed file or class gives another name, and a file is never read
 * for another model. The calibration is not part of it: it is applied when a message is read, not learned. A file
 * that cannot be read is ignored and the model learned (and written) again.
 */
final class ModelCache {

	private static final Logger log = LoggerFactory.getLogger(ModelCache.class);

	/** the layout of the file, written first in it and part of the key */
	private static final int FORMAT = 1;

	/**
	 * The classes whose code makes the examples from the files and learns from them, besides {@link Model}'s nest:
	 * the reading of the examples file and of the spellings ({@link Detector}), the words of a text, the signals and
	 * how they are found, the folding of letters. A class this work comes to use is to be named here, or a change of
	 * it would not be seen.
	 */
	private static final List<Class<?>> LEARNING = List.of(Detector.class, SafeguardingText.class, Signals.class, Term.class,
			MessageWords.class, Stems.class, Category.class, Folding.class, CSVFormat.class, CSVParser.class, CSVRecord.class);

	private final Path dir;

	/** @param dir where the files live, or {@code null} to learn every time */
	ModelCache(Path dir) {
		this.dir = dir;
	}

	/**
	 * The model the examples teach: read from its file when one was written for the same sources and code, else
	 * learned from {@code examples}, which is called only then.
	 * @param sources the text of every file the examples are made from, in the order they are read
	 */
	Model learned(List<String> sources, Supplier<List<Model.Example>> examples) {
		if (this.dir == null) {
			return Model.train(examples.get());
		}
		long started = System.nanoTime();
		Optional<String> key = key(sources);
		if (key.isEmpty()) {
			return Model.train(examples.get());
		}
		Path file = this.dir.resolve("safeguarding-model-" + key.get() + ".bin");
		Optional<Model> kept = read(file);
		if (kept.isPresent()) {
			log.info("Safeguarding model read from {} ({} ms with the hash of its inputs)", file, (System.nanoTime() - started) / 1_000_000);
			return kept.get();
		}
		Model model = Model.train(examples.get());
		write(file, model);
		return model;
	}

	/** The hash of the model's inputs, or empty when its code cannot be read (then the model is not kept). */
	static Optional<String> key(List<String> sources) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
				out.writeInt(FORMAT);
				out.writeUTF(Runtime.version().toString());
				out.writeDouble(Model.URGENT_CONCEPTS);
				out.writeDouble(Model.RATIOS);
				out.writeUTF(Arrays.toString(Model.GRAMS));
				// how it learns, which the properties of the same code can change
				out.writeUTF(Model.learning());
				out.writeUTF(SafeguardingText.QUESTION);
				out.writeUTF(Arrays.toString(Category.values()));
				List<Class<?>> code = new ArrayList<>(List.of(Model.class.getNestMembers()));
				code.addAll(LEARNING);
				for (Class<?> type : code) {
					byte[] bytes = classFile(type);
					if (bytes == null) {
						return Optional.empty();
					}
					out.writeUTF(type.getName());
					out.writeInt(bytes.length);
					out.write(bytes);
				}
				// the examples file's parser and the stemmers of the signals' words, by their versions
				out.writeUTF(String.valueOf(CSVFormat.class.getPackage().getImplementationVersion()));
				out.writeUTF(org.apache.lucene.util.Version.LATEST.toString());
				out.writeInt(sources.size());
				for (String source : sources) {
					byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
					out.writeInt(bytes.length);
					out.write(bytes);
				}
			}
			return Optional.of(HexFormat.of().formatHex(digest.digest(), 0, 16));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] classFile(Class<?> type) throws IOException {
		try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
			return in == null ? null : in.readAllBytes();
		}
	}

	private static Optional<Model> read(Path file) {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
			if (in.readInt() != FORMAT) {
				return Optional.empty();
			}
			Model model = Model.read(in);
			if (in.read() != -1) {
				throw new IOException("data after the model");
			}
			return Optional.of(model);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Safeguarding model in {} not read ({}): learning it again", file, ex.toString());
			return Optional.empty();
		}
	}

	/** Written beside, then moved into place: a node stopped while writing leaves no half file under the key's name. */
	private void write(Path file, Model model) {
		try {
			Files.createDirectories(this.dir);
			Path partial = Files.createTempFile(this.dir, "safeguarding-model-", ".partial");
			try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
				out.writeInt(FORMAT);
				model.write(out);
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			// the files of earlier inputs will not be read again
			try (Stream<Path> files = Files.list(this.dir)) {
				for (Path old : files.filter(f -> f.getFileName().toString().startsWith("safeguarding-model-") && !f.equals(file)).toList()) {
					Files.deleteIfExists(old);
				}
			}
		}
		catch (IOException ex) {
			log.warn("Safeguarding model not kept in {} ({}): it is learned again at the next start", this.dir, ex.toString());
		}
	}

}

package org.linea.safeguarding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The learned model kept in the data directory: read back as the same model, and only for the same inputs. */
class ModelCacheTests {

	private static final SafeguardingText TEXT = new SafeguardingText(java.util.Map.of());

	@TempDir
	Path dir;

	private static Model.Example example(String text, Set<String> concepts, String label, boolean urgent) {
		return new Model.Example(TEXT.words(text), concepts, label, urgent);
	}

	private static List<Model.Example> examples() {
		List<Model.Example> examples = new ArrayList<>();
		examples.add(example("mi pareja me pega todas las noches", Set.of("harm", "partner"), "GBV", true));
		examples.add(example("el promotor me pidio plata para inscribirme", Set.of("staff", "money"), "FRAUD", false));
		examples.add(example("el voluntario me pidio fotos a cambio de la ayuda", Set.of("staff", "sexual"), "SEA", false));
		examples.add(example("mi vecino golpea a su hijo pequeño", Set.of("harm", "child"), "CHILD", true));
		examples.add(example("cuando pagan el bono de este mes", Set.of(), "ORDINARY", false));
		examples.add(example("donde queda la oficina mas cercana", Set.of(), "ORDINARY", false));
		examples.add(example("quiero actualizar mi numero de telefono", Set.of(), "ORDINARY", false));
		return examples;
	}

	private static final List<String> READ = List.of("mi esposo me pega", "me pidieron dinero para el bono", "cuando pagan",
			"el promotor me pidio fotos");

	/** Every probability the detector reads from the model, for these messages. */
	private static List<Double> readings(Model model) {
		List<Double> readings = new ArrayList<>();
		for (String message : READ) {
			List<String> words = TEXT.words(message);
			Set<String> concepts = Set.of("harm", "staff");
			readings.add(model.report(words, concepts).probability());
			readings.add(model.urgent(words, concepts).probability());
			readings.add(model.category(words, concepts).getValue().probability());
			readings.add((double) model.category(words, concepts).getKey().ordinal());
		}
		return readings;
	}

	/** The text the examples are made from, as the detector passes its files: here one line per example. */
	private static List<String> sources(List<Model.Example> examples) {
		return examples.stream().map(e -> e.words() + "," + e.concepts().stream().sorted().toList() + "," + e.label() + "," + e.urgent()).toList();
	}

	private static Model learned(ModelCache cache, List<Model.Example> examples) {
		return cache.learned(sources(examples), () -> examples);
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.toList();
		}
	}

	@Test
	void aRestartReadsBackTheSameModel() throws IOException {
		Model learned = learned(new ModelCache(this.dir), examples());
		assertThat(files()).hasSize(1);
		byte[] kept = Files.readAllBytes(files().getFirst());

		Model read = learned(new ModelCache(this.dir), examples());

		assertThat(readings(read)).isEqualTo(readings(learned)).isEqualTo(readings(Model.train(examples())));
		assertThat(Files.readAllBytes(files().getFirst())).as("read, not learned and written again").isEqualTo(kept);
	}

	@Test
	void otherExamplesAreLearnedAndReplaceTheKeptModel() throws IOException {
		learned(new ModelCache(this.dir), examples());
		Path before = files().getFirst();
		List<Model.Example> changed = new ArrayList<>(examples());
		changed.set(4, example("cuando pagan el bono de este mes", Set.of(), "FRAUD", false));

		Model learned = learned(new ModelCache(this.dir), changed);

		assertThat(readings(learned)).isEqualTo(readings(Model.train(changed))).isNotEqualTo(readings(Model.train(examples())));
		assertThat(files()).hasSize(1).doesNotContain(before);
	}

	@Test
	void theKeyFollowsTheSources() {
		List<String> sources = List.of("text,label,urgent\nme pega,GBV,yes", "safeguarding/es.txt\n[harm]\npega", "q = que");

		assertThat(ModelCache.key(sources)).isPresent().isEqualTo(ModelCache.key(List.copyOf(sources)));
		assertThat(List.of(ModelCache.key(List.of("text,label,urgent\nme pega,GBV,no", sources.get(1), sources.get(2))),
				ModelCache.key(List.of(sources.get(0), "safeguarding/es.txt\n[harm]\npegan", sources.get(2))),
				ModelCache.key(List.of(sources.get(0), sources.get(1), "q = ke")),
				ModelCache.key(List.of(sources.get(1), sources.get(0), sources.get(2)))))
			.doesNotContain(ModelCache.key(sources));
	}

	@Test
	void aKeptModelIsReadWithoutMakingTheExamples() {
		learned(new ModelCache(this.dir), examples());

		Model read = new ModelCache(this.dir).learned(sources(examples()), () -> {
			throw new AssertionError("the examples were made although the model is kept");
		});

		assertThat(readings(read)).isEqualTo(readings(Model.train(examples())));
	}

	@Test
	void aDamagedFileIsIgnoredAndTheModelLearnedAgain() throws IOException {
		learned(new ModelCache(this.dir), examples());
		Path file = files().getFirst();
		byte[] whole = Files.readAllBytes(file);
		Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

		Model learned = learned(new ModelCache(this.dir), examples());

		assertThat(readings(learned)).isEqualTo(readings(Model.train(examples())));
		assertThat(Files.readAllBytes(file)).as("written again whole").isEqualTo(whole);
	}

	@Test
	void withoutADirectoryNothingIsKept() throws IOException {
		Model learned = learned(new ModelCache(null), examples());

		assertThat(readings(learned)).isEqualTo(readings(Model.train(examples())));
		assertThat(files()).isEmpty();
	}

}

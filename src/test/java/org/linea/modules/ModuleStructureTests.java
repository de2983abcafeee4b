package org.linea.modules;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.linea.LineaApplication;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package of org.linea is a module. The build fails when two modules depend on each other
 * (directly or round a longer cycle) or when one reaches into another's internal sub-package; each run
 * rewrites the module diagrams in docs/modules/ from the code.
 */
class ModuleStructureTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(LineaApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
		MODULES.verify();
	}

	@Test
	void moduleDocumentationIsWrittenToDocs() throws Exception {
		Path folder = Path.of("docs", "modules");
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		assertThat(folder.resolve("components.puml")).exists();
		assertThat(Files.readString(folder.resolve("components.puml"))).containsIgnoringCase("inbox").containsIgnoringCase("safeguarding");
	}

}

package io.github.commgate.maven;

import io.github.commgate.plan.InvalidSettingsException;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every commgate goal has: skipping, where its files go, and how settings problems are told. */
abstract class AbstractCommgateMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "commgate.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    protected final boolean skipped() {
        if (skip) {
            getLog().info("commgate: skipped (commgate.skip)");
        }
        return skip;
    }

    /** One line per problem, each naming the parameter and its value. */
    protected static MojoExecutionException invalid(InvalidSettingsException e) {
        return new MojoExecutionException("commgate: " + String.join(System.lineSeparator() + "commgate: ", e.problems()));
    }

    /** target/commgate in a project; ./commgate in the working directory without one. */
    protected final Path outputDirectory() {
        if (project != null && project.getFile() != null) {
            return Path.of(project.getBuild().getDirectory(), "commgate");
        }
        return Path.of("commgate").toAbsolutePath();
    }

    protected final Path projectDirectory() {
        return project != null && project.getBasedir() != null ? project.getBasedir().toPath().toAbsolutePath().normalize()
                : Path.of("").toAbsolutePath();
    }

    protected final String toolVersion() {
        return plugin.getVersion();
    }

    protected final PluginDescriptor plugin() {
        return plugin;
    }
}

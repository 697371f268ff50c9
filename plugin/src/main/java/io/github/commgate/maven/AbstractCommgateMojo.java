package io.github.commgate.maven;

import io.github.commgate.history.GitRevision;
import io.github.commgate.history.RunOrigin;
import io.github.commgate.plan.Defaults;
import io.github.commgate.plan.InvalidSettingsException;
import io.github.commgate.plan.UnknownProperties;
import java.io.File;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every commgate goal has: skipping, where its files go, and how settings problems are told.
 *
 * <p>A parameter's XML example is typed {@code &amp;lt;jvmArgs&amp;gt;} in its Javadoc: the plugin
 * descriptor keeps descriptions as plain text, and help:describe (maven-help-plugin 3.5.1) reads
 * that text as HTML and drops every tag an example holds; escaped once more, the tags reach the
 * user. commgate:help prints the text as it is, and so shows {@code &lt;jvmArgs&gt;}.
 */
abstract class AbstractCommgateMojo extends AbstractMojo {

    /** Maven creates a mojo right before it runs it: the goal's start, for its timing. */
    private final long startNanos = System.nanoTime();

    /** Skips the goal. */
    @Parameter(property = "commgate.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Measure in every module of a multi-module build. By default the machine is measured once per
     * build, by the first module that runs the goal (usually the execution root), and the others
     * say where it ran: the modules share the machine, not code the gate could tell apart.
     */
    @Parameter(property = "commgate.perModule", defaultValue = "false")
    private boolean perModule;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /** {@link System#nanoTime()} when this goal started. */
    protected final long startNanos() {
        return startNanos;
    }

    /** Names every {@code -Dcommgate.*} property that sets nothing, then: true, after saying so, when skip is set. */
    protected final boolean skipped() {
        if (session != null) {
            UnknownProperties.sentences(session.getUserProperties(), parameterProperties())
                    .forEach(sentence -> getLog().warn("commgate: " + sentence));
        }
        if (skip) {
            getLog().info("commgate: skipped (commgate.skip)");
        }
        return skip;
    }

    /** The property of every parameter of every goal of this plugin: {@code ${commgate.trials}} gives commgate.trials. */
    private Set<String> parameterProperties() {
        Set<String> names = new HashSet<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            for (org.apache.maven.plugin.descriptor.Parameter parameter : mojo.getParameters()) {
                String expression = parameter.getExpression();
                if (expression != null && expression.startsWith("${") && expression.endsWith("}")) {
                    names.add(expression.substring(2, expression.length() - 1));
                }
            }
        }
        return names;
    }

    /** True, after saying so, when another module of this build already ran this goal. */
    protected final boolean measuredElsewhere(String goal) {
        if (perModule) {
            return false;
        }
        Optional<String> where = OncePerBuild.claimedBy(session, goal, project);
        where.ifPresent(module -> getLog().info("commgate: " + goal + " measured this machine once for the build, in " + module
                + "; set -Dcommgate.perModule=true to measure in every module"));
        return where.isPresent();
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

    /** The directory runs are appended to: the one configured, else history under {@link #outputDirectory()}. */
    protected final Path historyDirectory(File configured) {
        return configured != null ? configured.toPath() : outputDirectory().resolve(Defaults.HISTORY_DIRECTORY_NAME);
    }

    /** The project's name (its artifactId where it has none) and the commit it is at; no name without a project. */
    protected final RunOrigin origin() {
        String name = project != null && project.getFile() != null ? project.getName() : "";
        return GitRevision.detect(name, projectDirectory(), System.getenv());
    }

    protected final String toolVersion() {
        return plugin.getVersion();
    }

    protected final MavenProject project() {
        return project;
    }

    protected final PluginDescriptor plugin() {
        return plugin;
    }
}

package org.warmstation.district;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the district's database commands ({@code card}, {@code station}, {@code trust-list}
 * subcommands) share: the database options, the command's spec (for its out) and the required
 * {@code --district} id. Failures are printed as a clear message with exit code 1 by
 * {@link DistrictServerCli}'s handler. Each run blocks on the database.
 */
abstract class DistrictDbCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;
    @Spec
    CommandSpec spec;
    @Option(names = "--district", required = true, description = "the district id")
    int district;
}

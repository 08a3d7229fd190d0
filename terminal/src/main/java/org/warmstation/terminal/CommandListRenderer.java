package org.warmstation.terminal;

import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Lists every command of {@code ./station help} as a tree, nested commands indented under their
 * group (e.g. {@code card} then {@code   issue}), each with its header or the first sentence of its description.
 */
public final class CommandListRenderer implements IHelpSectionRenderer {
    private static final int NAME_WIDTH = 18;

    /**
     * Replaces the command-list section of a command line's usage help with this tree.
     *
     * @param cl the root command line
     * @return the same command line
     */
    public static CommandLine install(CommandLine cl) {
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                new CommandListRenderer());
        return cl;
    }

    @Override
    public String render(Help help) {
        CommandSpec spec = help.commandSpec();
        if (spec.subcommands().isEmpty()) {
            return "";
        }
        int width = spec.usageMessage().width();
        TextTable table = TextTable.forColumns(help.colorScheme(),
                new Column(NAME_WIDTH + 2, 2, Column.Overflow.SPAN),
                new Column(width - NAME_WIDTH - 2, 2, Column.Overflow.WRAP));
        table.setAdjustLineBreaksForWideCJKCharacters(spec.usageMessage().adjustLineBreaksForWideCJKCharacters());
        for (CommandLine sub : distinct(spec)) {
            add(sub, table, "");
        }
        return table.toString();
    }

    private static void add(CommandLine cmd, TextTable table, String indent) {
        CommandSpec spec = cmd.getCommandSpec();
        table.addRowValues(indent + spec.name(), summary(spec));
        for (CommandLine sub : distinct(spec)) {
            add(sub, table, indent + "  ");
        }
    }

    /**
     * The header's first line if there is a header, else the first sentence of the description
     * (which may run over several description lines).
     */
    static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        if (header.length > 0) {
            return format(header[0]);
        }
        String text = format(String.join(" ", spec.usageMessage().description()));
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static String format(String text) {
        try {
            return String.format(text).strip().replaceAll("\\s+", " ");
        } catch (java.util.IllegalFormatException e) {
            return text.strip();
        }
    }

    private static Set<CommandLine> distinct(CommandSpec spec) {
        return new LinkedHashSet<>(spec.subcommands().values());
    }
}

using System.Text.RegularExpressions;
using IvrController.Admin;
using IvrController.Store.Migrations;
using IvrController.Store.Vocabulary;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests.Admin;

public sealed partial class ConstraintMessagesTests
{
    [Fact]
    public void Every_named_constraint_in_the_migrations_has_an_admin_sentence()
    {
        // The embedded scripts are exactly what a database gets, so a new migration is covered the day it is added.
        var named = MigrationScript.Embedded
            .SelectMany(script => ConstraintName().Matches(LineComment().Replace(script.Contents, "")))
            .Select(match => match.Groups["name"].Value)
            .ToList();

        Assert.True(named.Count > 50, $"only {named.Count} constraints found: is the pattern still right?");
        string[] missing = [.. named.Where(name => ConstraintMessages.For(name) is null)];
        Assert.Equal([], missing);
    }

    [Fact]
    public void A_violation_becomes_a_sentence_prefixed_with_what_was_being_done()
    {
        var violation = new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation, constraintName: "agents_pkey");

        RuleEditException? refusal = RuleEditRefusal.ForViolation(violation, "add agent 1001");

        Assert.Equal("add agent 1001: an agent with this id already exists", refusal?.Message);
        Assert.Null(RuleEditRefusal.ForViolation(new PostgresException("deadlock", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected), "add agent 1001"));
    }

    [GeneratedRegex(@"\bconstraint\s+(?<name>[a-z0-9_]+)\s+(?:primary\s+key|unique|check|foreign\s+key)", RegexOptions.IgnoreCase)]
    private static partial Regex ConstraintName();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();
}

using IvrController.TestSupport;
using Xunit;

namespace IvrController.Tests.Cli;

/// <summary>One PostgreSQL (from scripts/test.sh) shared by the CLI tests; each test makes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

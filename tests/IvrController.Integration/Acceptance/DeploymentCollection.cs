using Xunit;

namespace IvrController.Integration.Acceptance;

/// <summary>One deployment for all acceptance tests, which run one after another: they share the switch's ports and agent 1001.</summary>
[CollectionDefinition(Name)]
public sealed class DeploymentCollection : ICollectionFixture<Deployment>
{
    public const string Name = "real switch";
}

using IvrController.Web.Tests.Rig;
using Xunit;

namespace IvrController.Web.Tests.Browser;

/// <summary>Explain, Live and Reports share one controller with a call history and one browser; their HTTP tests use it too.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleViewsCollection : ICollectionFixture<CallHistoryRig>
{
    public const string Name = "console views";
}

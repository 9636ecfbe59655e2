using IvrController.Web.Tests.Rig;
using Xunit;

namespace IvrController.Web.Tests.Browser;

/// <summary>The pages that edit rule tables share one controller and one browser: fewer starts, a shorter suite.</summary>
[CollectionDefinition(Name)]
public sealed class RulePagesCollection : ICollectionFixture<BrowserConsoleRig>
{
    public const string Name = "rule pages";
}

using IvrController.Rules.Settings;
using IvrController.Web.Calls;
using IvrController.Web.Status;

namespace IvrController.Web.Hosting;

/// <summary>What the controller lends the console: its status, Explain, Live and click-to-call, and the call centre's day (reports count days in it).</summary>
public sealed record ConsoleParts(IControllerStatus Status, ICallExplainer Explainer, ILiveView Live, IClickToCall ClickToCall, CallCentreDay Day);

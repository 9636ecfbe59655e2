namespace IvrController.Web.Calls;

/// <summary>What the controller knows now about agents, calls in progress and its connections; read-only.</summary>
public interface ILiveView
{
    LiveReport Read();
}

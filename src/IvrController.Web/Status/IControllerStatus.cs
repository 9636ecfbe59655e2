namespace IvrController.Web.Status;

/// <summary>What the controller says about itself for /readyz and /metrics; the host implements it over its own parts.</summary>
public interface IControllerStatus
{
    ControllerStatusReport Read();
}

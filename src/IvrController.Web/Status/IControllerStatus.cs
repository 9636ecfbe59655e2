using System.Text;

namespace IvrController.Web.Status;

/// <summary>What the controller says about itself for /readyz and /metrics; the host implements it over its own parts.</summary>
public interface IControllerStatus
{
    ControllerStatusReport Read();

    /// <summary>Appends the call families of /metrics (calls, surveys, caller-ID decisions, latencies) in the Prometheus text format.</summary>
    void WriteCallMetrics(StringBuilder text);
}

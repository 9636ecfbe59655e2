using Xunit;

namespace IvrController.Integration.Sipp;

/// <summary>
/// A test that runs sipp against sipp (no switch): Skipped, saying why, when sipp is not on PATH.
/// scripts/test.sh installs sipp only for the real-switch suite; install it to run these:
/// <c>apt-get install sip-tester</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SippFactAttribute : FactAttribute
{
    public SippFactAttribute()
    {
        if (!SippProcess.IsInstalled())
        {
            Skip = "NOT RUN: sipp is not on PATH, so this check of the scenarios against a sipp peer was skipped (install the Debian package sip-tester).";
        }
        else if (NeedsRawSockets && !Environment.IsPrivilegedProcess)
        {
            Skip = "NOT RUN: sipp plays pcap media through a raw socket, which needs root (or CAP_NET_RAW on sipp).";
        }
    }

    /// <summary>Set for checks that play pcap media (<c>play_pcap_audio</c> uses a raw socket).</summary>
    public bool NeedsRawSockets { get; init; }
}

using Microsoft.Extensions.Logging;
using Xunit;

namespace IvrController.Flows.Tests.Flows;

public sealed class CallFlowContextTests
{
    private static CallFlowContext Context(ILoggerFactory loggers) =>
        new(null!, null!, null!, null, null!, null!, new FlowOptions(), TimeProvider.System, new Random(1), loggers);

    [Fact]
    public void A_flows_logger_is_made_once_and_logs_under_the_flows_type_name()
    {
        var first = new CapturedLogs();
        CallFlowContext context = Context(first.Factory());

        ILogger logger = context.LoggerFor<AgentOutboundCall>();
        logger.LogInformation("one");

        Assert.Same(logger, context.LoggerFor<AgentOutboundCall>());
        Assert.NotSame(logger, context.LoggerFor<IvrCall>());
        Assert.Equal(["Information IvrController.Flows.AgentOutboundCall: one"], first.Lines);
    }

    [Fact]
    public void A_context_with_other_logs_logs_there()
    {
        var first = new CapturedLogs();
        var second = new CapturedLogs();
        CallFlowContext context = Context(first.Factory());
        context.LoggerFor<IvrCall>().LogInformation("to the first");

        (context with { LoggerFactory = second.Factory() }).LoggerFor<IvrCall>().LogInformation("to the second");

        Assert.Equal(["Information IvrController.Flows.IvrCall: to the first"], first.Lines);
        Assert.Equal(["Information IvrController.Flows.IvrCall: to the second"], second.Lines);
    }
}

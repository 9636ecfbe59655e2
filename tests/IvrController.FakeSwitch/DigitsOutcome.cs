using IvrController.Esl.Messages;

namespace IvrController.FakeSwitch;

/// <summary>
/// play_and_get_digits (or read) ends with what the caller pressed: a DTMF event per digit, then a
/// completion with <c>read_result</c>, <c>variable_&lt;var&gt;</c> and <c>read_terminator_used</c>, as the
/// switch sets them. A timeout sets <c>read_result=timeout</c> and no digits; digits that fail the
/// regex on the last try leave <c>&lt;var&gt;_invalid</c> instead.
/// </summary>
public sealed class DigitsOutcome(string digits, char? terminator, bool valid) : ApplicationOutcome
{
    public override async Task PlayAsync(CallDriver call, ExecutedApplication application, CancellationToken cancellationToken)
    {
        string variable = VariableName(application);
        await call.StartAsync(application, cancellationToken);
        foreach (char digit in terminator is { } t ? digits + t : digits)
        {
            await call.EmitAsync(EventNames.Dtmf, [new("DTMF-Digit", digit.ToString()), new("DTMF-Duration", "2000"), new("DTMF-Source", "RTP")], cancellationToken);
        }

        call.Channel.SetVariable(variable + "_invalid", null);
        if (terminator is { } used)
        {
            call.Channel.SetVariable("read_terminator_used", used.ToString());
        }

        if (digits.Length == 0)
        {
            call.Channel.SetVariable("read_result", "timeout");
        }
        else if (valid)
        {
            call.Channel.SetVariable("read_result", "success");
            call.Channel.SetVariable(variable, digits);
        }
        else
        {
            call.Channel.SetVariable("read_result", "success");
            call.Channel.SetVariable(variable, null);
            call.Channel.SetVariable(variable + "_invalid", digits);
        }

        await call.CompleteAsync(application, null, cancellationToken);
    }

    /// <summary>play_and_get_digits: min max tries timeout terminators file invalid_file var ...; read: min max file var ...</summary>
    private static string VariableName(ExecutedApplication application)
    {
        int index = application.Name switch
        {
            "play_and_get_digits" => 7,
            "read" => 3,
            _ => throw new FlowSwitchException($"A digits outcome was scripted for '{application.Name}', which collects no digits"),
        };
        return application.ArgumentFields.Count > index
            ? application.ArgumentFields[index]
            : throw new FlowSwitchException($"'{application}' names no variable for the digits (field {index + 1})");
    }
}

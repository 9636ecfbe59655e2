namespace IvrController.Esl.Messages;

/// <summary>Hang-up causes and originate dispositions the call flows act on.</summary>
public static class HangupCauses
{
    public const string NormalClearing = "NORMAL_CLEARING";
    public const string UserBusy = "USER_BUSY";
    public const string NoAnswer = "NO_ANSWER";
    public const string NoUserResponse = "NO_USER_RESPONSE";
    public const string CallRejected = "CALL_REJECTED";
    public const string UserNotRegistered = "USER_NOT_REGISTERED";
    public const string NormalTemporaryFailure = "NORMAL_TEMPORARY_FAILURE";
    public const string OriginatorCancel = "ORIGINATOR_CANCEL";
    public const string UnallocatedNumber = "UNALLOCATED_NUMBER";
    public const string InvalidNumberFormat = "INVALID_NUMBER_FORMAT";
    public const string NoRouteDestination = "NO_ROUTE_DESTINATION";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
    public const string Success = "SUCCESS";
}

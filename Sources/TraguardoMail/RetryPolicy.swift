import Foundation

/// When a message that could not be sent is tried again: soon at first, then less often; after the last delay the
/// app gives up and says so in the outbox. A permanent refusal (5xx) is not retried at all.
public enum RetryPolicy {
    /// Minutes to wait after the 1st, 2nd, … failed attempt.
    public static let delays = [1, 5, 30, 120, 360]

    /// The next attempt after `attempts` failed ones, or nil to give up.
    public static func nextAttempt(afterFailures attempts: Int, from date: Date) -> Date? {
        guard attempts >= 1, attempts <= delays.count else { return nil }
        return date.addingTimeInterval(TimeInterval(delays[attempts - 1] * 60))
    }
}

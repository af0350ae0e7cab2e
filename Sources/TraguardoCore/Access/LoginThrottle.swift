/// Back-off after repeated failed logins: free attempts first, then a lock that doubles with each further
/// failure, capped, so guessing a password costs hours while a user who mistypes waits a minute.
public struct LoginThrottle: Sendable {
    public var freeAttempts: Int
    public var firstLockSeconds: Int
    public var maxLockSeconds: Int

    public init(freeAttempts: Int = 5, firstLockSeconds: Int = 60, maxLockSeconds: Int = 3600) {
        self.freeAttempts = freeAttempts
        self.firstLockSeconds = firstLockSeconds
        self.maxLockSeconds = maxLockSeconds
    }

    /// Seconds the account stays locked after the `failures`-th consecutive failure (0 = not locked).
    public func lockSeconds(afterFailures failures: Int) -> Int {
        guard failures >= freeAttempts else { return 0 }
        let doublings = min(failures - freeAttempts, 20)
        return min(firstLockSeconds << doublings, maxLockSeconds)
    }
}

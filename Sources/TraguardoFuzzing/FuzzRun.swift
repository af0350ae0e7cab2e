import Foundation

/// A bounded run: hostile files first, then mutants of the seeds until the time or the count is spent. Findings
/// keep the input (saved by the caller) and the mutation that made it, so each can be replayed.
public struct FuzzRun: Sendable {
    public struct Finding: Sendable {
        public let input: FuzzInput
        public let problems: [String]
    }

    public var executions = 0
    public var accepted = 0
    public var refused = 0
    public var refusedWithPlace = 0
    public var slowest: (seconds: Double, origin: String) = (0, "")
    public var findings: [Finding] = []
    public var messages: [String: Int] = [:]
    public var seconds = 0.0

    public init() {}

    public static func run(
        harness: FuzzHarness, seed: UInt64, seconds: Double, maxExecutions: Int = .max, before: ((FuzzInput) -> Void)? = nil,
        progress: ((FuzzRun) -> Void)? = nil
    ) async throws -> FuzzRun {
        var rng = FuzzRandom(seed: seed)
        let seeds = try FuzzCorpus.seeds()
        var run = FuzzRun()
        let start = Date()
        var queue = FuzzCorpus.hostile() + seeds
        while run.executions < maxExecutions, Date().timeIntervalSince(start) < seconds {
            let input = queue.isEmpty ? FuzzCorpus.mutant(of: seeds, using: &rng) : queue.removeFirst()
            before?(input)
            let outcome = await harness.run(input)
            run.record(input, outcome)
            if run.executions % 100 == 0 { progress?(run) }
        }
        run.seconds = Date().timeIntervalSince(start)
        return run
    }

    mutating func record(_ input: FuzzInput, _ outcome: FuzzHarness.Outcome) {
        executions += 1
        switch outcome.verdict {
        case .accepted: accepted += 1
        case .refused(let message):
            refused += 1
            if MessageQuality.namesAPlace(message) { refusedWithPlace += 1 }
            // Grouped by the message's first line with digits masked: «riga 12» and «riga 40» are one kind of refusal.
            let key = String(message.split(separator: "\n").first ?? "").replacingOccurrences(of: #"[0-9]+"#, with: "N", options: .regularExpression)
            messages[String(key.prefix(160)), default: 0] += 1
        }
        if outcome.seconds > slowest.seconds { slowest = (outcome.seconds, input.origin) }
        if !outcome.problems.isEmpty { findings.append(Finding(input: input, problems: outcome.problems)) }
    }
}

import Foundation

/// Who performs a change, for the audit trail: a user, or the system itself (demo loader, CLI).
public struct Actor: Sendable {
    public var id: UUID?
    public var name: String

    public init(id: UUID?, name: String) {
        self.id = id
        self.name = name
    }

    public static let system = Actor(id: nil, name: "sistema")
}

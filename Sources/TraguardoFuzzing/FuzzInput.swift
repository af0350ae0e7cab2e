import Foundation

/// One file to feed: its bytes, the name it is uploaded under, and how it was made (for the report).
public struct FuzzInput: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case json, xlsx, ods }
    public let kind: Kind
    public let data: Data
    public let origin: String

    public init(kind: Kind, data: Data, origin: String) {
        self.kind = kind
        self.data = data
        self.origin = origin
    }

    public var filename: String { "piano.\(kind.rawValue)" }
}

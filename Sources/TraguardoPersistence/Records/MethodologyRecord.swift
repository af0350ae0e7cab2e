import FluentKit
import Foundation
import TraguardoCore

/// One adopted version of an ente's SMVP for a year. Versions are never changed: adopting again adds a row.
public final class MethodologyRecord: Model, @unchecked Sendable {
    public static let schema = "methodologies"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "ente_id") public var ente: EnteRecord
    @Field(key: "year") public var year: Int
    @Field(key: "version") public var version: Int
    @Field(key: "methodology_id") public var methodologyID: String
    @Field(key: "data") public var data: String
    @Field(key: "adopted_by") public var adoptedBy: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    init(enteID: UUID, year: Int, version: Int, methodology: Methodology, adoptedBy: String) throws {
        self.$ente.id = enteID
        self.year = year
        self.version = version
        self.methodologyID = methodology.id
        self.data = String(decoding: try DocumentCoding.encoder.encode(methodology), as: UTF8.self)
        self.adoptedBy = adoptedBy
    }

    public var methodology: Methodology {
        get throws { try DocumentCoding.decoder.decode(Methodology.self, from: Data(data.utf8)) }
    }
}

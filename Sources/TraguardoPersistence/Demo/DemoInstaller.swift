import FluentKit
import Foundation
import TraguardoCore

/// Fills an empty installation with the seed enti shipped in `DemoData/` and one user per role.
public struct DemoInstaller: Sendable {
    public static let password = "traguardo-demo"

    public struct Account: Sendable, Equatable {
        public var username: String
        public var role: Role
        public var scope: String
    }

    public let users: UserStore

    /// The seeds whose own SMVP ships as a preset; the others start on the general one.
    static let presetBySlug = ["leggiuno": "leggiuno-2024", "unione-bellusco-mezzago": "bellusco-mezzago-2020"]

    public init(users: UserStore) {
        self.users = users
    }

    /// The bundled demo files, sorted by name.
    public static func bundledFiles() -> [URL] {
        guard let dir = Bundle.module.resourceURL?.appendingPathComponent("DemoData") else { return [] }
        let files = (try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    public static func isEmpty(_ db: any Database) async throws -> Bool {
        let users = try await UserRecord.query(on: db).count()
        let enti = try await EnteRecord.query(on: db).count()
        return users == 0 && enti == 0
    }

    /// Installs the demo in one transaction and returns the accounts created.
    public func install(on db: any Database, bundles: [PlanBundle]) async throws -> [Account] {
        try await db.writeTransaction { tx in
            var enti: [EnteRecord] = []
            for bundle in bundles {
                try await BundleImporter.importBundle(bundle, on: tx, actor: .system)
                guard let e = try await EnteStore.find(slug: bundle.ente.slug, on: tx) else { continue }
                enti.append(e)
                try await Self.installDemoCampaigns(slug: bundle.ente.slug, planKey: bundle.plan.key, enteID: try e.requireID(), on: tx)
                if let preset = MethodologyStore.preset(Self.presetBySlug[bundle.ente.slug] ?? "generale") {
                    try await MethodologyStore.adopt(preset, enteID: try e.requireID(), year: bundle.plan.year, on: tx, actor: .system)
                }
            }
            if enti.isEmpty {
                let fallback = try await EnteStore.create(Ente(slug: "comune-demo", name: "Comune Demo", kind: .comune), on: tx, actor: .system)
                enti.append(fallback)
            }
            let all = try enti.map { try $0.requireID() }
            let first = enti[0]
            let firstID = try first.requireID()
            // The responsabile answers for the first unit of the first ente that has one.
            var unitGrant = Set<UUID>()
            var unitScope = "nessuna unità"
            for e in enti {
                if let unit = try await OrgUnitRecord.query(on: tx).filter(\.$ente.$id == e.requireID()).sort(\.$order).sort(\.$code).first() {
                    unitGrant = [try unit.requireID()]
                    unitScope = "\(e.name), \(unit.code) \(unit.name)"
                    let respEnte = try e.requireID()
                    // The demo responsabile is the person holding that unit in the organisation (the latest assignment),
                    // so their to-do follows the assignments' dal/al as well as the grant.
                    let holder = try await AssignmentRecord.query(on: tx).filter(\.$unit.$id == unit.requireID()).with(\.$person).all()
                        .max { ($0.validFrom ?? "") < ($1.validFrom ?? "") }
                    try await create(
                        tx, "responsabile", "Responsabile demo",
                        grants: [Grant(enteID: respEnte, role: .responsabile, unitIDs: unitGrant, personKey: holder?.person.key)])
                    break
                }
            }
            if unitGrant.isEmpty {
                try await create(tx, "responsabile", "Responsabile demo", grants: [Grant(enteID: firstID, role: .responsabile)])
            }
            try await create(tx, "admin", "Amministratore di sistema", admin: true)
            try await create(tx, "segretario", "Segretario demo", grants: all.map { Grant(enteID: $0, role: .segretario) })
            try await create(tx, "nucleo", "Nucleo di Valutazione demo", grants: all.map { Grant(enteID: $0, role: .nucleo) })
            try await create(tx, "lettore", "Giunta (lettore) demo", grants: [Grant(enteID: firstID, role: .lettore)])
            return [
                Account(username: "admin", role: .amministratore, scope: "tutta l'installazione"),
                Account(username: "segretario", role: .segretario, scope: "tutti gli enti demo"),
                Account(username: "responsabile", role: .responsabile, scope: unitScope),
                Account(username: "nucleo", role: .nucleo, scope: "tutti gli enti demo"),
                Account(username: "lettore", role: .lettore, scope: first.name),
            ]
        }
    }

    /// The invented mid-year campaign of a seed without monitoring data (`scripts/demo-campaigns.py`), if any.
    struct DemoCampaigns: Decodable {
        let campaigns: [Campaign]
        let values: [MonitoringValue]
        /// Invented figures of organisational performance, marked as such in their note.
        let organisational: [OrganisationalValue]?
    }

    /// A demo ente's bundle with its invented campaign merged in, as `traguardo demo` installs it (benchmarks and
    /// tests of the documents use it without a database).
    public static func demoBundle(_ slug: String) throws -> PlanBundle? {
        guard let url = bundledFiles().first(where: { $0.lastPathComponent == "\(slug).json" }) else { return nil }
        var bundle = try PlanBundle.decode(try Data(contentsOf: url))
        if let extra = Bundle.module.resourceURL?.appendingPathComponent("DemoCampaigns/\(slug).json"), let data = try? Data(contentsOf: extra),
            bundle.campaigns.isEmpty
        {
            let demo = try JSONDecoder().decode(DemoCampaigns.self, from: data)
            bundle.campaigns = demo.campaigns
            bundle.values = demo.values
            bundle.organisationalValues = demo.organisational ?? []
        }
        return bundle
    }

    static func installDemoCampaigns(slug: String, planKey: String, enteID: UUID, on db: any Database) async throws {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("DemoCampaigns/\(slug).json"),
            let data = try? Data(contentsOf: url),
            let plan = try await PlanStore.record(enteID: enteID, key: planKey, on: db)
        else { return }
        let demo = try JSONDecoder().decode(DemoCampaigns.self, from: data)
        let existing = try await MonitoringStore.campaigns(planID: try plan.requireID(), on: db)
        guard existing.isEmpty else { return }
        try await MonitoringStore.insert(
            campaigns: demo.campaigns, values: demo.values, validations: [], organisational: demo.organisational ?? [], planID: try plan.requireID(),
            on: db)
    }

    private func create(_ db: any Database, _ username: String, _ name: String, admin: Bool = false, grants: [Grant] = []) async throws {
        try await users.create(
            NewUser(username: username, displayName: name, password: Self.password, isSystemAdmin: admin, grants: grants),
            on: db, actor: .system)
    }
}

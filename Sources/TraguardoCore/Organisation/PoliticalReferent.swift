/// Sindaco, vicesindaco, assessori and consiglieri delegati: the political owners of objectives.
public struct PoliticalReferent: Hashable, Sendable, Codable {
    public var key: String
    public var name: String
    public var office: PoliticalOffice
    public var deleghe: [String]
    public var validity: DayRange

    public init(key: String, name: String, office: PoliticalOffice, deleghe: [String] = [], validity: DayRange = .init(from: nil, to: nil)) {
        self.key = key
        self.name = name
        self.office = office
        self.deleghe = deleghe
        self.validity = validity
    }
}

public enum PoliticalOffice: String, CaseIterable, Sendable, Codable {
    case sindaco, vicesindaco, assessore, consigliereDelegato = "consigliere-delegato", presidente

    public var label: String {
        switch self {
        case .sindaco: "Sindaco"
        case .vicesindaco: "Vicesindaco"
        case .assessore: "Assessore"
        case .consigliereDelegato: "Consigliere delegato"
        case .presidente: "Presidente"
        }
    }
}

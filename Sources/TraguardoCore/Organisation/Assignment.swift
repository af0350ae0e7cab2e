/// Who heads a unit, in which capacity, from when to when (both days inclusive).
public struct Assignment: Hashable, Sendable, Codable {
    public var personKey: String
    public var unitKey: String
    public var role: AssignmentRole
    public var validity: DayRange
    public var act: String?

    public init(personKey: String, unitKey: String, role: AssignmentRole, validity: DayRange, act: String? = nil) {
        self.personKey = personKey
        self.unitKey = unitKey
        self.role = role
        self.validity = validity
        self.act = act
    }
}

public enum AssignmentRole: String, CaseIterable, Sendable, Codable {
    case titolare, interim, vicario, facenteFunzione = "facente-funzione"

    public var label: String {
        switch self {
        case .titolare: "Titolare"
        case .interim: "Ad interim"
        case .vicario: "Vicario"
        case .facenteFunzione: "Facente funzione"
        }
    }

    /// When several people hold a unit on the same day, the titolare answers first, then interim, then vicario.
    var precedence: Int {
        switch self {
        case .titolare: 0
        case .interim: 1
        case .facenteFunzione: 2
        case .vicario: 3
        }
    }
}

public enum Responsibility {
    /// Answers "who is responsabile of this unit on this day": nil when the unit is vacant (seed 003, settore 02
    /// after 30/04/2024).
    public static func holder(of unitKey: String, on day: Day, in assignments: [Assignment]) -> Assignment? {
        assignments
            .filter { $0.unitKey == unitKey && $0.validity.contains(day) }
            .min {
                ($0.role.precedence, $0.validity.from ?? Day(year: 1, month: 1, day: 1)!) < (
                    $1.role.precedence, $1.validity.from ?? Day(year: 1, month: 1, day: 1)!
                )
            }
    }
}

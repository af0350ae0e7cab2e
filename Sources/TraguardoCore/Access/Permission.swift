import Foundation

/// Everything a route can require. New routes pick one; the policy below is the only place that maps
/// permissions to roles, so the authorisation matrix can be read (and tested) in one screen.
public enum Permission: String, CaseIterable, Sendable, Codable {
    /// Read an ente's organisation, plan, scores and documents.
    case viewEnte
    /// Change an ente's organisation and plan, approve proposals.
    case managePlan
    /// Propose changes to objectives of one's own units (checked per unit as well).
    case editOwnUnits
    /// Validate or override scores (Nucleo di Valutazione).
    case validate
    /// Move a monitoring campaign along its lifecycle (open and transmit: segretario; close: Nucleo; the campaign's
    /// lifecycle says which move needs which of `managePlan` and `validate`).
    case moveCampaign
    /// Enter the figures of organisational performance in a campaign (the segretario; the Nucleo for the dimensions
    /// its SMVP has it assess).
    case enterOrganisational
    /// Download working documents (monitoring reports, minutes, results not yet published); without it only the
    /// published documents.
    case readWorkingDocuments
    /// Read the ente's audit trail.
    case viewAudit
    /// Create users and grant roles within an ente.
    case manageEnteUsers
    /// Installation-wide administration: enti, all users, the global audit trail.
    case administer
}

public enum AccessPolicy {
    /// Which roles hold a permission in an ente. Deny by default: a permission missing here is granted to nobody.
    public static func roles(for permission: Permission) -> Set<Role> {
        switch permission {
        case .viewEnte: [.amministratore, .segretario, .responsabile, .nucleo, .lettore]
        case .managePlan: [.amministratore, .segretario]
        case .editOwnUnits: [.amministratore, .segretario, .responsabile]
        case .validate: [.nucleo]
        case .moveCampaign: [.amministratore, .segretario, .nucleo]
        case .enterOrganisational: [.amministratore, .segretario, .nucleo]
        case .readWorkingDocuments: [.amministratore, .segretario, .responsabile, .nucleo]
        case .viewAudit: [.amministratore, .segretario, .nucleo]
        case .manageEnteUsers: [.amministratore, .segretario]
        case .administer: [.amministratore]
        }
    }

    /// Whether the principal holds `permission` in the ente (nil ente: installation-wide permissions only).
    public static func allows(_ principal: Principal, _ permission: Permission, enteID: UUID?) -> Bool {
        let allowed = roles(for: permission)
        if permission == .administer { return principal.isSystemAdmin }
        guard let enteID else { return false }
        return !principal.roles(in: enteID).isDisjoint(with: allowed)
    }

    /// Unit-level check for a responsabile: segretario and administrator may edit any unit of the ente,
    /// a responsabile only the units granted to them (and their sub-units, resolved by the caller).
    public static func mayEdit(unitIDs: Set<UUID>, principal: Principal, enteID: UUID) -> Bool {
        if allows(principal, .managePlan, enteID: enteID) { return true }
        guard allows(principal, .editOwnUnits, enteID: enteID) else { return false }
        return !unitIDs.isEmpty && unitIDs.isSubset(of: principal.responsibleUnits(in: enteID))
    }
}

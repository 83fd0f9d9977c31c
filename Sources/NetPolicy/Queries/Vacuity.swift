/// A configuration is vacuous when its policies change nothing: it allows
/// exactly what the cluster allows without any policy.
public enum Vacuity {
    public static func isVacuous(_ configuration: PolicyConfiguration) -> Bool {
        Equivalence.areEquivalent(configuration, configuration.withoutPolicies(name: "vacuousConfig"))
    }
}

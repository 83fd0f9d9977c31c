import PalisadeCore

/// Small YAML helpers for the Gatekeeper tests.
enum GatekeeperFixtures {
    static func yaml(_ text: String) throws -> Value {
        try YAMLReader.decode(text, file: "test.yaml")
    }

    static func pod(name: String = "web", namespace: String? = "shop", labels: [String: String] = [:]) -> Value {
        var metadata: [String: Value] = ["name": .string(name)]
        if let namespace { metadata["namespace"] = .string(namespace) }
        if !labels.isEmpty { metadata["labels"] = .object(fields: labels.mapValues { .string($0) }) }
        return .object(fields: ["apiVersion": .string("v1"), "kind": .string("Pod"), "metadata": .object(fields: metadata)])
    }

    static let requiredLabelsTemplate = """
    apiVersion: templates.gatekeeper.sh/v1
    kind: ConstraintTemplate
    metadata:
      name: k8srequiredlabels
    spec:
      crd:
        spec:
          names:
            kind: K8sRequiredLabels
      targets:
        - target: admission.k8s.gatekeeper.sh
          rego: |
            package k8srequiredlabels

            import data.lib.helpers.missing

            violation[{"msg": msg, "details": {"missing": absent}}] {
              absent := missing(input.review.object, input.parameters.labels)
              count(absent) > 0
              msg := sprintf("you must provide labels: %v", [sort(absent)])
            }
          libs:
            - |
              package lib.helpers

              missing(obj, required) = absent {
                provided := {l | obj.metadata.labels[l]}
                absent := {l | l := required[_]; not provided[l]}
              }
    """
}

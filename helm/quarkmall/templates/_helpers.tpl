{{/* Labels every object of one service carries. */}}
{{- define "quarkmall.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: quarkmall
app.kubernetes.io/version: {{ .root.Values.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end }}

{{- define "quarkmall.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* A service's setting, or the chart-wide default: include "quarkmall.setting" (dict "svc" $svc "root" $ "key" "resources") */}}
{{- define "quarkmall.setting" -}}
{{- $value := index .svc .key | default (index .root.Values.defaults .key) -}}
{{- toYaml $value -}}
{{- end }}

{{- define "quarkmall.image" -}}
{{- $suffix := ternary "" "-jvm" (eq .root.Values.image.flavor "native") -}}
{{ printf "%s/%s/%s:%s%s" .root.Values.image.registry .root.Values.image.repository .name .root.Values.image.tag $suffix }}
{{- end }}

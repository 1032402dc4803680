// Progressive enhancement for the import and new survey year pages: read a chosen JSON file into the textarea
// (compacted when it parses, so large files fit the form's size limit). Without this
// script the administrator pastes the JSON instead.
const group = document.querySelector('[data-import-file]')
const input = document.getElementById('definition-file')
const target = document.getElementById('definition')
if (group && input && target && 'FileReader' in window) {
  group.hidden = false
  input.addEventListener('change', () => {
    const file = input.files && input.files[0]
    if (!file) return
    const reader = new FileReader()
    reader.addEventListener('load', () => {
      const text = String(reader.result)
      try {
        target.value = JSON.stringify(JSON.parse(text))
      } catch {
        target.value = text
      }
      // On the new survey year's form, a chosen file means "Import a JSON file".
      const start = document.getElementById('start-import')
      if (start) start.checked = true
    })
    reader.readAsText(file)
  })
}

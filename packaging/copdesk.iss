; Inno Setup 6 script for the Windows installer of CoPDesk. Built by the release workflow after `make dist`
; (its PowerShell equivalent), from the repository's root:
;
;   iscc /DAppVersion=0.1.0 packaging\copdesk.iss      -> dist\installer\CoPDesk-0.1.0-setup.exe
;
; AppVersion comes from pyproject.toml (the workflow reads it there); building without it is an error.
;
; Install modes. The default is per-machine (Program Files, one Start-menu entry for everyone), which is what IT
; deploys with Intune or SCCM, silently:   CoPDesk-0.1.0-setup.exe /VERYSILENT /ALLUSERS /NORESTART
; A facilitator without administrator rights can choose "Install for me only" in the first dialog, or run it with
; /CURRENTUSER: the app then goes under their own AppData\Local\Programs, and no administrator is needed.
;
; The user's data is never the installer's: CoPDesk keeps its database, backups and quarantine in the user's
; AppData\Local\copdesk (or wherever they chose), never under {app}. So neither an upgrade (same AppId, files
; replaced in {app}) nor the uninstaller touches it: there is deliberately no [UninstallDelete] section, and the
; uninstaller removes only the files this script installed.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z packaging\copdesk.iss
#endif

[Setup]
; Never change AppId: upgrades find the installed copy by it.
AppId={{6F0C2B0E-4C1B-4E55-9B8E-2A7D0C8F3B61}
AppName=CoPDesk
AppVersion={#AppVersion}
AppVerName=CoPDesk {#AppVersion}
AppPublisher=CoPDesk contributors
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\CoPDesk
DefaultGroupName=CoPDesk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
UsePreviousPrivileges=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SourceDir=..
OutputDir=dist\installer
OutputBaseFilename=CoPDesk-{#AppVersion}-setup
SetupIconFile=build\pyinstaller\copdesk\copdesk.ico
UninstallDisplayIcon={app}\CoPDesk.exe
UninstallDisplayName=CoPDesk
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
; The whole onedir bundle: both executables and the shared _internal folder (libraries, copdesk/_data).
Source: "dist\CoPDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\CoPDesk"; Filename: "{app}\CoPDesk.exe"; Comment: "Facilitate your team's Community of Practice"

[Run]
Filename: "{app}\CoPDesk.exe"; Description: "Start CoPDesk now"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [Code] that removes files: the data in AppData\Local\copdesk stays.

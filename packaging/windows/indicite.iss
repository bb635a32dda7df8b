; Inno Setup script: turns the PyInstaller folder dist\indicite\ into IndiciteSetup-<version>.exe.
; Build (from the checkout, after PyInstaller):
;   iscc /DAppVersion=0.1.0 packaging\windows\indicite.iss
; The version comes from the package: the workflow and README pass it with /DAppVersion.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6C1D3C52-8F0B-4C57-9E0B-6E2C6B1D2A11}
AppName=Indicite
AppVersion={#AppVersion}
AppPublisher=Indicite developers
DefaultDirName={autopf}\Indicite
DefaultGroupName=Indicite
DisableProgramGroupPage=yes
; Per-user install by default: office staff often have no administrator rights.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=IndiciteSetup-{#AppVersion}
SetupIconFile=..\..\resources\icons\indicite.ico
UninstallDisplayIcon={app}\indicite.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\indicite\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Indicite"; Filename: "{app}\indicite.exe"
Name: "{autodesktop}\Indicite"; Filename: "{app}\indicite.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\indicite.exe"; Description: "{cm:LaunchProgram,Indicite}"; Flags: nowait postinstall skipifsilent

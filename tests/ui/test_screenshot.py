"""`indicite --screenshot FILE` renders the workspace with the sample and a few indicators."""

from PySide6.QtGui import QImage

from indicite.cli import main


def test_screenshot_writes_a_picture_of_the_workspace(qtbot, tmp_path, capsys):
    target = tmp_path / "shot.png"
    assert main(["--screenshot", str(target)]) == 0
    image = QImage(str(target))
    assert not image.isNull()
    assert image.width() >= 1200 and image.height() >= 800

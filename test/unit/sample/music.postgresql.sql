-- The music schema as its own authors wrote it for PostgreSQL (Chinook's style: VARCHAR,
-- TIMESTAMP without time zone, NUMERIC prices, keys the application assigns, a composite key).
CREATE TABLE "Artist" (
    "ArtistId" INT NOT NULL,
    "Name" VARCHAR(120),
    CONSTRAINT "PK_Artist" PRIMARY KEY ("ArtistId")
);
CREATE SEQUENCE "GenreSeq" START 100;
CREATE TABLE "Genre" (
    "GenreId" INT NOT NULL DEFAULT nextval('"GenreSeq"'),
    "Name" VARCHAR(120),
    CONSTRAINT "PK_Genre" PRIMARY KEY ("GenreId")
);
CREATE TABLE "Album" (
    "AlbumId" INT NOT NULL,
    "Title" VARCHAR(160) NOT NULL,
    "ArtistId" INT NOT NULL,
    CONSTRAINT "PK_Album" PRIMARY KEY ("AlbumId"),
    CONSTRAINT "FK_AlbumArtistId" FOREIGN KEY ("ArtistId") REFERENCES "Artist" ("ArtistId")
);
CREATE TABLE "Track" (
    "TrackId" INT NOT NULL,
    "Name" VARCHAR(200) NOT NULL,
    "AlbumId" INT,
    "Composer" VARCHAR(220),
    "Milliseconds" INT NOT NULL,
    "UnitPrice" NUMERIC(10,2) NOT NULL,
    CONSTRAINT "PK_Track" PRIMARY KEY ("TrackId"),
    CONSTRAINT "FK_TrackAlbumId" FOREIGN KEY ("AlbumId") REFERENCES "Album" ("AlbumId")
);
CREATE TABLE "Playlist" (
    "PlaylistId" INT NOT NULL,
    "Name" VARCHAR(120),
    CONSTRAINT "PK_Playlist" PRIMARY KEY ("PlaylistId")
);
CREATE TABLE "PlaylistTrack" (
    "PlaylistId" INT NOT NULL,
    "TrackId" INT NOT NULL,
    CONSTRAINT "PK_PlaylistTrack" PRIMARY KEY ("PlaylistId", "TrackId"),
    CONSTRAINT "FK_PlaylistTrackPlaylistId" FOREIGN KEY ("PlaylistId") REFERENCES "Playlist" ("PlaylistId"),
    CONSTRAINT "FK_PlaylistTrackTrackId" FOREIGN KEY ("TrackId") REFERENCES "Track" ("TrackId")
);
CREATE TABLE "Employee" (
    "EmployeeId" INT NOT NULL,
    "LastName" VARCHAR(20) NOT NULL,
    "FirstName" VARCHAR(20) NOT NULL,
    "BirthDate" TIMESTAMP,
    "HireDate" TIMESTAMP,
    CONSTRAINT "PK_Employee" PRIMARY KEY ("EmployeeId")
);
CREATE TABLE "Invoice" (
    "InvoiceId" INT NOT NULL,
    "InvoiceDate" TIMESTAMP NOT NULL,
    "BillingCity" VARCHAR(40),
    "Total" NUMERIC(10,2) NOT NULL,
    CONSTRAINT "PK_Invoice" PRIMARY KEY ("InvoiceId")
);
CREATE TABLE "InvoiceLine" (
    "InvoiceId" INT NOT NULL,
    "LineNumber" INT NOT NULL,
    "TrackId" INT NOT NULL,
    "UnitPrice" NUMERIC(10,2) NOT NULL,
    "Quantity" INT NOT NULL,
    CONSTRAINT "PK_InvoiceLine" PRIMARY KEY ("InvoiceId", "LineNumber"),
    CONSTRAINT "FK_InvoiceLineInvoiceId" FOREIGN KEY ("InvoiceId") REFERENCES "Invoice" ("InvoiceId"),
    CONSTRAINT "FK_InvoiceLineTrackId" FOREIGN KEY ("TrackId") REFERENCES "Track" ("TrackId")
);
CREATE TABLE "Refund" (
    "RefundId" INT NOT NULL,
    "InvoiceId" INT,
    "LineNumber" INT,
    "Quantity" INT NOT NULL,
    CONSTRAINT "PK_Refund" PRIMARY KEY ("RefundId"),
    CONSTRAINT "FK_RefundInvoiceLine" FOREIGN KEY ("InvoiceId", "LineNumber") REFERENCES "InvoiceLine" ("InvoiceId", "LineNumber") ON DELETE CASCADE
);
CREATE INDEX "IFK_AlbumArtistId" ON "Album" ("ArtistId");
CREATE INDEX "IFK_TrackAlbumId" ON "Track" ("AlbumId");
CREATE INDEX "IFK_PlaylistTrackTrackId" ON "PlaylistTrack" ("TrackId");
CREATE INDEX "IFK_InvoiceLineTrackId" ON "InvoiceLine" ("TrackId");
CREATE INDEX "IFK_RefundInvoiceLine" ON "Refund" ("InvoiceId", "LineNumber");
